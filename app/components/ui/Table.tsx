import { useId, type ReactNode } from "react";
import { cx } from "./cx";

export interface TableColumn<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** This column names the row (`<th scope="row">`), usually the first. */
  rowHeader?: boolean;
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
 * A data table with a caption and scoped headers. On a narrow screen it scrolls sideways inside
 * a region named after its caption, which the keyboard can reach to scroll it.
 */
export function Table<Row>({ caption, captionHidden, columns, rows, rowKey, empty }: TableProps<Row>) {
  const captionId = useId();
  return (
    // A scrolling region must be reachable with the keyboard (WCAG 2.1.1), hence tabIndex=0.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table">
        <caption id={captionId} className={cx("table__caption", captionHidden && "visually-hidden")}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={cx(column.numeric && "numeric")}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, index) =>
                column.rowHeader ? (
                  <th key={index} scope="row" className={cx(column.numeric && "numeric")}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={index} className={cx(column.numeric && "numeric")}>
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
}
