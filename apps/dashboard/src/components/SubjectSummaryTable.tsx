import { Link } from 'react-router';
import { formatScore } from '@wirelens/ui';

export interface SubjectSummary {
  id: string;
  name: string;
  href: string;
  meanScore: number | null;
  totalCount: number;
}

/** Volume and mean score per subject: the numbers behind a comparison chart, and links to each subject. */
export function SubjectSummaryTable({ caption, rows }: { caption: string; rows: readonly SubjectSummary[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Subject</th>
            <th scope="col">Articles</th>
            <th scope="col">Mean score</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <Link to={row.href}>{row.name}</Link>
              </th>
              <td>{row.totalCount}</td>
              <td>{row.meanScore === null ? '—' : formatScore(row.meanScore)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
