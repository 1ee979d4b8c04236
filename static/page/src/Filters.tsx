import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import { WINDOWS, type ReportFilters } from '@shared/report';

type Option = { value: string; label: string };
const ALL = 'all';

export function Filters({
  filters,
  services,
  categories,
  onChange,
}: {
  filters: ReportFilters;
  services: string[];
  categories: string[];
  onChange: (f: ReportFilters) => void;
}) {
  const opts = (xs: string[], all: string): Option[] => [
    { value: ALL, label: all },
    ...xs.map((x) => ({ value: x, label: x })),
  ];
  const pick = (xs: Option[], v: string | null) => xs.find((o) => o.value === (v ?? ALL)) ?? xs[0];
  const serviceOptions = opts(services, 'All services');
  const categoryOptions = opts(categories, 'All categories');
  const windowOptions = WINDOWS.map((d) => ({ value: d, label: `Last ${d} days` }));
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: '1fr 1fr 1fr',
        gap: token('space.150', '12px'),
        margin: `${token('space.200', '16px')} 0`,
      }}
      data-testid="filters"
    >
      <div>
        <label htmlFor="filter-window" style={{ display: 'block', fontSize: 12, fontWeight: 600, marginBottom: 4 }}>
          Time window
        </label>
        <Select
          inputId="filter-window"
          options={windowOptions}
          value={windowOptions.find((o) => o.value === filters.windowDays)}
          onChange={(o) => {
            if (o) onChange({ ...filters, windowDays: o.value });
          }}
        />
      </div>
      <div>
        <label htmlFor="filter-service" style={{ display: 'block', fontSize: 12, fontWeight: 600, marginBottom: 4 }}>
          Service
        </label>
        <Select
          inputId="filter-service"
          options={serviceOptions}
          value={pick(serviceOptions, filters.service)}
          onChange={(o) => onChange({ ...filters, service: !o || o.value === ALL ? null : o.value })}
        />
      </div>
      <div>
        <label htmlFor="filter-category" style={{ display: 'block', fontSize: 12, fontWeight: 600, marginBottom: 4 }}>
          Category
        </label>
        <Select
          inputId="filter-category"
          options={categoryOptions}
          value={pick(categoryOptions, filters.category)}
          onChange={(o) => onChange({ ...filters, category: !o || o.value === ALL ? null : o.value })}
        />
      </div>
    </div>
  );
}
