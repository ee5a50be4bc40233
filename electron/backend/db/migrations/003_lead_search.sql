-- What the lead list searches (company, person, furigana, email, phone keys; normalised and
-- lower-cased), kept apart from the wide leads rows so a search scans a few MB, not the table.
-- Written in the same transaction as the lead it describes.
CREATE TABLE lead_search (
  lead_id TEXT PRIMARY KEY REFERENCES leads (id),
  text TEXT NOT NULL
) STRICT, WITHOUT ROWID;
