import { useTranslation } from 'react-i18next';
import { CONVERSION_STAGES, FUNNEL_STAGES, type FunnelMetrics } from '../../shared/api/reports';
import { formatPercent } from './format';

const WIDTH = 420;
const BAR_HEIGHT = 30;
const GAP = 22;
const LABEL = 48;
const STEP_CONVERSIONS = ['mqlToTql', 'tqlToSal', 'salToSql'] as const;

// The funnel as centred bars, widest first, with the conversion to the next stage between them.
// Plain SVG with presentation attributes and CSS classes: nothing the strict CSP refuses.
export const FunnelChart = ({ metrics }: { metrics: FunnelMetrics }) => {
  const { t } = useTranslation();
  const max = Math.max(1, ...FUNNEL_STAGES.map((s) => metrics.reached[s]));
  const room = WIDTH - LABEL * 2;
  const height = FUNNEL_STAGES.length * (BAR_HEIGHT + GAP) - GAP;
  return (
    <svg className="funnel-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={t('reportsView.funnel.label')} data-testid="funnel-chart">
      {FUNNEL_STAGES.map((stage, i) => {
        const count = metrics.reached[stage];
        const width = Math.max(2, (count / max) * room);
        const y = i * (BAR_HEIGHT + GAP);
        const step = STEP_CONVERSIONS[i];
        return (
          <g key={stage}>
            <text className="chart-label" x={0} y={y + BAR_HEIGHT / 2} dominantBaseline="middle">{t(`stage.${stage}`)}</text>
            <rect className={`funnel-bar funnel-bar-${stage}`} x={LABEL + (room - width) / 2} y={y} width={width} height={BAR_HEIGHT} rx={3} data-testid={`funnel-bar-${stage}`} />
            <text className="chart-value" x={WIDTH - LABEL + 6} y={y + BAR_HEIGHT / 2} dominantBaseline="middle">{count.toLocaleString()}</text>
            {step && (
              <text className="chart-conversion" x={WIDTH / 2} y={y + BAR_HEIGHT + GAP / 2 + 1} textAnchor="middle" dominantBaseline="middle">
                {`↓ ${formatPercent(t, metrics.conversion[step])} (${t(`stage.${CONVERSION_STAGES[step].to}`)})`}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
};
