import { useId, type ReactNode } from "react";
import { cx } from "./cx";

export interface TableColumn<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** This column names the row (`<th scope="row">`), usually the first. */
  rowHeader?: boolean;
  /** Never wraps at 40em and wider: dates, references, codes. */
  nowrap?: boolean;
  /** The cell's label in the stacked layout of narrow screens, when the header is not plain text. */
  label?: string;
}

export interface TableProps<Row> {
  caption: ReactNode;
  /** Keep the caption for screen readers only (when a heading right above already says it). */
  captionHidden?: boolean;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** Shown in a single row when there are no rows. */
  empty?: ReactNode;
}

/**
 * A data table with a caption and scoped headers, styled once in app.css (`.table`): from 40em
 * the columns share the width and text wraps between words, so every column shows; on a narrow
 * screen each row is a card whose cells carry their column's name (`data-label`). Should a table
 * still be too wide, it scrolls sideways inside a region named after its caption, which the
 * keyboard can reach. The ARIA roles repeat the native ones: the stacked layout changes the
 * elements' `display`, which makes some browsers drop table semantics.
 */
export function Table<Row>({ caption, captionHidden, columns, rows, rowKey, empty }: TableProps<Row>) {
  const captionId = useId();
  const labels = columns.map((column) => column.label ?? (typeof column.header === "string" || typeof column.header === "number" ? String(column.header) : undefined));
  const className = (column: TableColumn<Row>) => cx(column.numeric && "numeric", column.nowrap && "nowrap") || undefined;
  /* eslint-disable jsx-a11y/no-redundant-roles, jsx-a11y/no-interactive-element-to-noninteractive-role --
     the roles are meant to repeat the native ones (see above): the stacked layout's `display`
     would otherwise make some browsers read a table of cards as plain text. */
  return (
    // A scrolling region must be reachable with the keyboard (WCAG 2.1.1), hence tabIndex=0.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table" role="table">
        <caption id={captionId} className={cx("table__caption", captionHidden && "visually-hidden")}>
          {caption}
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((column, index) => (
              <th key={index} scope="col" role="columnheader" className={className(column)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.length === 0 && empty ? (
            <tr role="row">
              <td role="cell" colSpan={columns.length} className="table__empty">
                {empty}
              </td>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr key={rowKey(row)} role="row">
              {columns.map((column, index) =>
                column.rowHeader ? (
                  <th key={index} scope="row" role="rowheader" className={className(column)} data-label={labels[index]}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={index} role="cell" className={className(column)} data-label={labels[index]}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  /* eslint-enable jsx-a11y/no-redundant-roles, jsx-a11y/no-interactive-element-to-noninteractive-role */
}
