// The shape every measurement returns, and how a run is printed. A figure holds the project's value
// and the baseline's value measured in the same run; either may be null when that side could not be
// measured, and then the reason is in `note` rather than a made-up number.

export interface Figure {
  metric: string;
  unit: string;
  project: number | null;
  baseline: number | null;
  note?: string;
}

export interface Section {
  id: string;
  title: string;
  /** What the "project" column is (e.g. `<calls-room>`) and what the baseline is. */
  projectLabel: string;
  baselineLabel: string;
  figures: Figure[];
  notes: string[];
  seconds: number;
  /** Set when the measurement failed; figures then hold whatever was measured before the failure. */
  error?: string;
  /** Raw samples and per-run details, kept in results.json for anyone who wants to dig. */
  details?: unknown;
}

export function ratio(figure: Figure): number | null {
  if (figure.project === null || figure.baseline === null || figure.baseline === 0) return null;
  return figure.project / figure.baseline;
}

function format(value: number | null, unit: string): string {
  if (value === null) return '—';
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

export function formatSection(section: Section): string {
  const header = ['metric', section.projectLabel, section.baselineLabel, 'ratio'];
  const rows = section.figures.map((figure) => {
    const r = ratio(figure);
    return [
      figure.metric,
      format(figure.project, figure.unit),
      format(figure.baseline, figure.unit),
      r === null ? '—' : `${r.toFixed(2)}×`,
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  const out = [
    `\n## ${section.title}  (${section.seconds.toFixed(0)} s)`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
  ];
  out.push(...rows.map(line));
  for (const figure of section.figures) if (figure.note) out.push(`  · ${figure.metric}: ${figure.note}`);
  for (const note of section.notes) out.push(`  · ${note}`);
  if (section.error) out.push(`  ! failed: ${section.error}`);
  return out.join('\n');
}
