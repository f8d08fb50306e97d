import { describe, expect, it } from "vitest";
import { descendantIds, isAllowedParent, treeOrder } from "./agency-tree";

const agencies = [
  { id: 3, parentId: 1, nameFr: "Direction B" },
  { id: 1, parentId: null, nameFr: "Ministère Z" },
  { id: 2, parentId: 1, nameFr: "Direction A" },
  { id: 4, parentId: 2, nameFr: "Service" },
  { id: 5, parentId: null, nameFr: "Commune" },
];

describe("agency tree", () => {
  it("lists parents then children, by name", () => {
    expect(treeOrder(agencies).map((a) => [a.id, a.depth])).toEqual([
      [5, 0],
      [1, 0],
      [2, 1],
      [4, 2],
      [3, 1],
    ]);
  });

  it("refuses itself or a descendant as parent", () => {
    expect([...descendantIds(agencies, 1)].sort()).toEqual([2, 3, 4]);
    expect(isAllowedParent(agencies, 1, 1)).toBe(false);
    expect(isAllowedParent(agencies, 1, 4)).toBe(false);
    expect(isAllowedParent(agencies, 2, 3)).toBe(true);
    expect(isAllowedParent(agencies, 2, null)).toBe(true);
  });
});
