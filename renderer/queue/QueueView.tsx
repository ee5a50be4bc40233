import '../styles/cockpit.css';
import { CallView } from '../call/CallView';
import { useCockpit } from './cockpit-context';
import { QueueScreen } from './QueueScreen';

// The call cockpit: the queue, or the lead being worked.
export const QueueView = () => {
  const open = useCockpit((s) => s.open);
  return open ? <CallView open={open} /> : <QueueScreen />;
};
