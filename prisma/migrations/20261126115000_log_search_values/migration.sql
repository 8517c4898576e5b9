-- The log's full-text index, rebuilt:
-- * It indexes the values in `data`, not its keys. Keys such as voucherId or updatedAt were
--   in every change entry, so common words had doclists several times longer than their
--   real use (a prefix search must merge all of them), and nobody searches for key names.
-- * kind and level are indexed too, so a search narrowed by kind or level is intersected
--   inside the index (see api/modules/logs/page-query.ts); free-text words are matched
--   against the text columns only.
-- * Contentless: what is indexed is derived from LogEntry by the triggers below, which
--   also remove exactly that on delete. Never run 'rebuild' on it (FTS5 refuses anyway).
-- The same derivation of `data` lives in api/modules/logs/filter.ts (searchText) for the
-- live tail; the two must agree.
DROP TRIGGER IF EXISTS "LogEntrySearch_ai";
DROP TRIGGER IF EXISTS "LogEntrySearch_ad";
DROP TABLE IF EXISTS "LogEntrySearch";

CREATE VIRTUAL TABLE "LogEntrySearch" USING fts5(
  kind, level, model, recordId, actorLabel, message, data,
  content='', tokenize='unicode61'
);

INSERT INTO "LogEntrySearch"(rowid, kind, level, model, recordId, actorLabel, message, data)
SELECT "sequence", "kind", "level", "model", "recordId", "actorLabel", "message",
  CASE WHEN json_valid("data") THEN (SELECT group_concat(value, ' ') FROM json_tree("LogEntry"."data") WHERE atom IS NOT NULL) ELSE "data" END
FROM "LogEntry";

CREATE TRIGGER "LogEntrySearch_ai" AFTER INSERT ON "LogEntry" BEGIN
  INSERT INTO "LogEntrySearch"(rowid, kind, level, model, recordId, actorLabel, message, data)
  VALUES (new."sequence", new."kind", new."level", new."model", new."recordId", new."actorLabel", new."message",
    CASE WHEN json_valid(new."data") THEN (SELECT group_concat(value, ' ') FROM json_tree(new."data") WHERE atom IS NOT NULL) ELSE new."data" END);
END;

CREATE TRIGGER "LogEntrySearch_ad" AFTER DELETE ON "LogEntry" BEGIN
  INSERT INTO "LogEntrySearch"("LogEntrySearch", rowid, kind, level, model, recordId, actorLabel, message, data)
  VALUES ('delete', old."sequence", old."kind", old."level", old."model", old."recordId", old."actorLabel", old."message",
    CASE WHEN json_valid(old."data") THEN (SELECT group_concat(value, ' ') FROM json_tree(old."data") WHERE atom IS NOT NULL) ELSE old."data" END);
END;

CREATE TRIGGER "LogEntrySearch_au" AFTER UPDATE ON "LogEntry" BEGIN
  INSERT INTO "LogEntrySearch"("LogEntrySearch", rowid, kind, level, model, recordId, actorLabel, message, data)
  VALUES ('delete', old."sequence", old."kind", old."level", old."model", old."recordId", old."actorLabel", old."message",
    CASE WHEN json_valid(old."data") THEN (SELECT group_concat(value, ' ') FROM json_tree(old."data") WHERE atom IS NOT NULL) ELSE old."data" END);
  INSERT INTO "LogEntrySearch"(rowid, kind, level, model, recordId, actorLabel, message, data)
  VALUES (new."sequence", new."kind", new."level", new."model", new."recordId", new."actorLabel", new."message",
    CASE WHEN json_valid(new."data") THEN (SELECT group_concat(value, ' ') FROM json_tree(new."data") WHERE atom IS NOT NULL) ELSE new."data" END);
END;
