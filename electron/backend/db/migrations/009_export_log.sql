-- Every export written, because each file carries personal data: who, when, which leads (the
-- filter), which columns, the format, how many rows and the file's name. Never the contents.
-- Append-only, like the other audit facts.
CREATE TABLE export_log (
  id TEXT PRIMARY KEY,
  actor TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  filter TEXT NOT NULL CHECK (json_valid(filter)),
  columns TEXT NOT NULL CHECK (json_valid(columns)),
  preset TEXT,
  format TEXT NOT NULL CHECK (format IN ('csv', 'xlsx')),
  encoding TEXT CHECK (encoding IS NULL OR encoding IN ('utf8-bom', 'cp932')),
  row_count INTEGER NOT NULL CHECK (row_count >= 0),
  file_name TEXT NOT NULL
) STRICT;
CREATE INDEX export_log_finished ON export_log (finished_at DESC);
