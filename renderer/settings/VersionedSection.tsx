import type { ReactNode } from 'react';
import { useVersioned } from './use-versioned';
import { VersionedFooter } from './VersionedFooter';

type Versioned = { version: number; updatedAt: string; updatedBy: string };

type Props<R extends Versioned, C> = {
  id: string;
  title: string;
  help: string;
  load: () => Promise<R>;
  publish: (content: C, version: number) => Promise<R>;
  // The editor, once the current version is read.
  children: (versioned: ReturnType<typeof useVersioned<R, C>>) => ReactNode;
};

// A team lead's editor of one versioned record (definitions, script): its heading and help, then
// the form once the record is read, or the footer saying it is loading or could not be read.
export const VersionedSection = <R extends Versioned, C>({ id, title, help, load, publish, children }: Props<R, C>) => {
  const versioned = useVersioned<R, C>(load, publish);
  return (
    <section className="rules-editor" aria-labelledby={id}>
      <h2 id={id} className="view-title">{title}</h2>
      <p className="field-help">{help}</p>
      {versioned.record ? children(versioned) : <VersionedFooter versioned={versioned} />}
    </section>
  );
};
