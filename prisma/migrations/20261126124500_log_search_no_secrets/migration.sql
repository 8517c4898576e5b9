-- The log's full-text index without secrets. The values of password, passwordHash, keyHash
-- (credentials) and body (the voucher SMS, which carries credentials) are left out: data
-- shows them as [hidden]/[redacted] to staff, and a search that matches them would still
-- tell a staff member, one prefix at a time, what they are. Same derivation as before
-- otherwise; api/modules/logs/filter.ts (searchText) applies the same rule to the live tail.
DROP TRIGGER IF EXISTS "LogEntrySearch_ai";
DROP TRIGGER IF EXISTS "LogEntrySearch_au";
DROP TRIGGER IF EXISTS "LogEntrySearch_ad";
DROP TABLE IF EXISTS "LogEntrySearch";

CREATE VIRTUAL TABLE "LogEntrySearch" USING fts5(
  kind, level, model, recordId, actorLabel, message, data,
  content='', tokenize='unicode61'
);

INSERT INTO "LogEntrySearch"(rowid, kind, level, model, recordId, actorLabel, message, data)
SELECT "sequence", "kind", "level", "model", "recordId", "actorLabel", "message",
  CASE WHEN json_valid("data") THEN (SELECT group_concat(value, ' ') FROM json_tree("LogEntry"."data") WHERE atom IS NOT NULL AND (key IS NULL OR key NOT IN ('password', 'passwordHash', 'keyHash', 'body'))) ELSE "data" END
FROM "LogEntry";

CREATE TRIGGER "LogEntrySearch_ai" AFTER INSERT ON "LogEntry" BEGIN
  INSERT INTO "LogEntrySearch"(rowid, kind, level, model, recordId, actorLabel, message, data)
  VALUES (new."sequence", new."kind", new."level", new."model", new."recordId", new."actorLabel", new."message",
    CASE WHEN json_valid(new."data") THEN (SELECT group_concat(value, ' ') FROM json_tree(new."data") WHERE atom IS NOT NULL AND (key IS NULL OR key NOT IN ('password', 'passwordHash', 'keyHash', 'body'))) ELSE new."data" END);
END;

CREATE TRIGGER "LogEntrySearch_ad" AFTER DELETE ON "LogEntry" BEGIN
  INSERT INTO "LogEntrySearch"("LogEntrySearch", rowid, kind, level, model, recordId, actorLabel, message, data)
  VALUES ('delete', old."sequence", old."kind", old."level", old."model", old."recordId", old."actorLabel", old."message",
    CASE WHEN json_valid(old."data") THEN (SELECT group_concat(value, ' ') FROM json_tree(old."data") WHERE atom IS NOT NULL AND (key IS NULL OR key NOT IN ('password', 'passwordHash', 'keyHash', 'body'))) ELSE old."data" END);
END;

CREATE TRIGGER "LogEntrySearch_au" AFTER UPDATE ON "LogEntry" BEGIN
  INSERT INTO "LogEntrySearch"("LogEntrySearch", rowid, kind, level, model, recordId, actorLabel, message, data)
  VALUES ('delete', old."sequence", old."kind", old."level", old."model", old."recordId", old."actorLabel", old."message",
    CASE WHEN json_valid(old."data") THEN (SELECT group_concat(value, ' ') FROM json_tree(old."data") WHERE atom IS NOT NULL AND (key IS NULL OR key NOT IN ('password', 'passwordHash', 'keyHash', 'body'))) ELSE old."data" END);
  INSERT INTO "LogEntrySearch"(rowid, kind, level, model, recordId, actorLabel, message, data)
  VALUES (new."sequence", new."kind", new."level", new."model", new."recordId", new."actorLabel", new."message",
    CASE WHEN json_valid(new."data") THEN (SELECT group_concat(value, ' ') FROM json_tree(new."data") WHERE atom IS NOT NULL AND (key IS NULL OR key NOT IN ('password', 'passwordHash', 'keyHash', 'body'))) ELSE new."data" END);
END;
