import { ExportView } from '../exports/ExportView';
import { HandoffView } from '../handoff/HandoffView';
import { DefinitionsView } from '../hearing/DefinitionsView';
import { LeadsView } from '../leads/LeadsView';
import { QueueView } from '../queue/QueueView';
import { ReportsView } from '../reports/ReportsView';
import { SettingsView } from '../settings/SettingsView';
import type { View } from '../state/app-store';

export const ViewOutlet = ({ view }: { view: View }) => {
  switch (view) {
    case 'queue':
      return <QueueView />;
    case 'leads':
      return <LeadsView />;
    case 'handoff':
      return <HandoffView />;
    case 'reports':
      return <ReportsView />;
    case 'exports':
      return <ExportView />;
    case 'definitions':
      return <DefinitionsView />;
    case 'settings':
      return <SettingsView />;
  }
};
