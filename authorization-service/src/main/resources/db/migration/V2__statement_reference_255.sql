-- statementReference: Sips documents no limit; the platform accepts up to 255 characters at every entry.
ALTER TABLE transaction ALTER COLUMN statement_reference TYPE varchar(255);
