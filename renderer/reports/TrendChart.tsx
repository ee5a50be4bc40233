import { useTranslation } from 'react-i18next';
import { FUNNEL_STAGES, type FunnelWeek } from '../../shared/api/reports';
import { shortDay } from './format';

const WIDTH = 480;
const HEIGHT = 220;
const PAD = { left: 40, right: 24, top: 12, bottom: 30 };
// At most this many week labels along the axis; the rest are left out so they never overlap.
const MAX_LABELS = 8;

// Leads per stage per JST week, one line a stage, with a legend. Plain SVG, like the funnel.
export const TrendChart = ({ weeks }: { weeks: readonly FunnelWeek[] }) => {
  const { t } = useTranslation();
  const max = Math.max(1, ...weeks.flatMap((w) => FUNNEL_STAGES.map((s) => w.reached[s])));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number): number => PAD.left + (weeks.length <= 1 ? plotW / 2 : (i / (weeks.length - 1)) * plotW);
  const y = (v: number): number => PAD.top + plotH - (v / max) * plotH;
  const every = Math.max(1, Math.ceil(weeks.length / MAX_LABELS));
  return (
    <figure className="trend">
      <svg className="trend-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('reportsView.trend.label')} data-testid="trend-chart">
        <line className="chart-axis" x1={PAD.left} y1={PAD.top + plotH} x2={WIDTH - PAD.right} y2={PAD.top + plotH} />
        <line className="chart-axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + plotH} />
        <text className="chart-tick" x={PAD.left - 6} y={PAD.top} textAnchor="end" dominantBaseline="middle">{max.toLocaleString()}</text>
        <text className="chart-tick" x={PAD.left - 6} y={PAD.top + plotH} textAnchor="end" dominantBaseline="middle">0</text>
        {weeks.map((w, i) =>
          i % every === 0 ? (
            <text key={w.week} className="chart-tick" x={x(i)} y={HEIGHT - 10} textAnchor="middle">{shortDay(w.week)}</text>
          ) : null,
        )}
        {FUNNEL_STAGES.map((stage) => (
          <g key={stage} className={`trend-series trend-${stage}`} data-testid={`trend-${stage}`}>
            <polyline className="trend-line" points={weeks.map((w, i) => `${x(i).toFixed(1)},${y(w.reached[stage]).toFixed(1)}`).join(' ')} />
            {weeks.map((w, i) => (
              <circle key={w.week} className="trend-point" cx={x(i)} cy={y(w.reached[stage])} r={3}>
                <title>{`${t(`stage.${stage}`)} ${shortDay(w.week)}: ${w.reached[stage].toLocaleString()}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="trend-legend">
        {FUNNEL_STAGES.map((stage) => (
          <span key={stage} className={`trend-key trend-${stage}`}>{t(`stage.${stage}`)}</span>
        ))}
      </figcaption>
    </figure>
  );
};
