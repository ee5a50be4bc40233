-- Duplicates are found by one scan of the live leads' keys into memory (imports/duplicates.ts);
-- no query looks a lead up by a single key, so these four indexes only slowed every insert and
-- update (an import of 100,000 leads spent over a second maintaining them).
DROP INDEX leads_email_key;
DROP INDEX leads_phone_key;
DROP INDEX leads_mobile_key;
DROP INDEX leads_company_person;
