import {
  Dropdown,
  Field,
  Option,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { DataVizPalette, LineChart, type LineChartPoints } from '@fluentui/react-charts';
import type { JSX } from 'react';
import { useMemo, useState } from 'react';
import type { Scoreboard } from '../../../src/contracts/adoption.js';
import { useFormControlStyles } from '../common/form-controls.styles.js';
import {
  formatPct,
  mondayOfIsoWeek,
  overallSeriesId,
  shortWeek,
  trendSeries,
  visibleDepartments,
  type TrendSeries,
} from './scoreboard-format.js';
import { useScoreboardStyles } from './scoreboard.styles.js';

// The chart library's own palette tokens, which it resolves for the theme; the overall line keeps
// the first colour and each department its own, so colours do not move when the selection changes.
const departmentColours: readonly string[] = [
  DataVizPalette.color2,
  DataVizPalette.color3,
  DataVizPalette.color4,
  DataVizPalette.color5,
  DataVizPalette.color6,
  DataVizPalette.color7,
  DataVizPalette.color8,
  DataVizPalette.color9,
  DataVizPalette.color10,
  DataVizPalette.color11,
  DataVizPalette.color12,
  DataVizPalette.color13,
];

export interface WauTrendProps {
  readonly scoreboard: Scoreboard;
  readonly shownIds: readonly string[];
  readonly onShownIdsChange: (ids: readonly string[]) => void;
}

function colourOf(scoreboard: Scoreboard, series: TrendSeries): string {
  if (series.id === overallSeriesId) return DataVizPalette.color1;
  const index = scoreboard.departments.findIndex((department) => department.id === series.id);
  return departmentColours[Math.max(index, 0) % departmentColours.length] ?? DataVizPalette.color2;
}

function chartData(scoreboard: Scoreboard, series: readonly TrendSeries[]): LineChartPoints[] {
  const dates = scoreboard.weeks.map(mondayOfIsoWeek);
  const lines: LineChartPoints[] = series.map((line) => ({
    legend: line.name,
    color: colourOf(scoreboard, line),
    data: line.wauPct.flatMap((y, index) => {
      const x = dates[index];
      const week = scoreboard.weeks[index];
      // The callout and each point's accessible name say the ISO week and a percentage.
      return x && week ? [{ x, y, xAxisCalloutData: week, yAxisCalloutData: formatPct(y) }] : [];
    }),
    // The overall line is drawn heavier than the departments' so it reads first.
    lineOptions: { strokeWidth: line.id === overallSeriesId ? 5 : 2 },
  }));
  const target: LineChartPoints = {
    legend: `Target ${formatPct(scoreboard.targetPct)}`,
    color: DataVizPalette.error,
    data: dates.map((x, index) => ({
      x,
      y: scoreboard.targetPct,
      xAxisCalloutData: scoreboard.weeks[index] ?? '',
      yAxisCalloutData: formatPct(scoreboard.targetPct),
    })),
    lineOptions: { strokeDasharray: '6 4', strokeWidth: 2 },
    hideNonActiveDots: true,
  };
  return [...lines, target];
}

interface TrendTableProps {
  readonly scoreboard: Scoreboard;
  readonly series: readonly TrendSeries[];
}

/** The chart's numbers as a table: a row per week, a column per line. */
function TrendTable({ scoreboard, series }: TrendTableProps): JSX.Element {
  const styles = useScoreboardStyles();
  return (
    <div className={styles.tableWrap}>
      <Table size="small" aria-label="Weekly active share by week">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Week</TableHeaderCell>
            {series.map((line) => (
              <TableHeaderCell key={line.id}>{line.name}</TableHeaderCell>
            ))}
            <TableHeaderCell>Target</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {scoreboard.weeks.map((week, index) => (
            <TableRow key={week}>
              <TableCell>{week}</TableCell>
              {series.map((line) => {
                const value = line.wauPct[index];
                return (
                  <TableCell key={line.id} className={styles.numeric}>
                    {value === undefined ? '—' : formatPct(value)}
                  </TableCell>
                );
              })}
              <TableCell className={styles.numeric}>{formatPct(scoreboard.targetPct)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
TrendTable.displayName = 'TrendTable';

function selectionText(count: number, total: number): string {
  if (count === 0) return 'Overall only';
  if (count === total) return 'All departments';
  return count === 1 ? '1 department' : `${String(count)} departments`;
}

/** WAU% week by week, overall and per department, against the target; or the same as a table. */
export function WauTrend({ scoreboard, shownIds, onShownIdsChange }: WauTrendProps): JSX.Element {
  const styles = useScoreboardStyles();
  const controls = useFormControlStyles();
  const [asTable, setAsTable] = useState(false);
  const departments = visibleDepartments(scoreboard);
  const series = useMemo(() => trendSeries(scoreboard, shownIds), [scoreboard, shownIds]);
  const data = useMemo(() => chartData(scoreboard, series), [scoreboard, series]);
  const weekOf = useMemo(
    () => new Map(scoreboard.weeks.map((week) => [mondayOfIsoWeek(week).getTime(), week])),
    [scoreboard.weeks],
  );
  const withheld = scoreboard.departments.filter((department) => department.suppressed);

  return (
    <section aria-labelledby="scoreboard-trend-title" className={styles.card}>
      <div className={styles.sectionHead}>
        <Text
          as="h3"
          id="scoreboard-trend-title"
          size={500}
          weight="semibold"
          className={styles.sectionHeading}
        >
          Weekly active share
        </Text>
        <div className={styles.toolbar}>
          <Field label="Departments shown" className={styles.wideFilter}>
            <Dropdown
              multiselect
              className={controls.fill}
              value={selectionText(
                departments.filter((department) => shownIds.includes(department.id)).length,
                departments.length,
              )}
              selectedOptions={[...shownIds]}
              onOptionSelect={(_, selection) => onShownIdsChange(selection.selectedOptions)}
            >
              {departments.map((department) => (
                <Option key={department.id} value={department.id}>
                  {department.name}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Switch
            label="Show as table"
            checked={asTable}
            onChange={(_, change) => setAsTable(change.checked)}
          />
        </div>
      </div>
      <Text as="p" className={styles.muted}>
        People active at least once in the week, as a share of eligible people, against the{' '}
        {formatPct(scoreboard.targetPct)} target.
      </Text>
      {asTable ? (
        <TrendTable scoreboard={scoreboard} series={series} />
      ) : (
        <div className={styles.chart}>
          <LineChart
            data={{
              chartTitle: 'Weekly active share of eligible people, by week',
              lineChartData: data,
            }}
            height={340}
            yMinValue={0}
            yMaxValue={100}
            yAxisTickCount={5}
            yAxisTickFormat={(value: number) => `${String(value)}%`}
            tickValues={scoreboard.weeks.map(mondayOfIsoWeek)}
            customDateTimeFormatter={(date: Date) => {
              const week = weekOf.get(date.getTime());
              return week ? shortWeek(week) : '';
            }}
            enabledLegendsWrapLines
            legendProps={{
              allowFocusOnLegends: true,
              canSelectMultipleLegends: true,
              styles: { text: styles.legendText },
            }}
          />
        </div>
      )}
      {withheld.length > 0 ? (
        <Text as="p" className={styles.muted}>
          Not on the chart, fewer than {scoreboard.minGroupSize} people:{' '}
          {withheld.map((department) => department.name).join(', ')}.
        </Text>
      ) : null}
    </section>
  );
}
WauTrend.displayName = 'WauTrend';
