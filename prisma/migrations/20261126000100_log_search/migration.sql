-- Full-text index over the log so the Logs page search stays fast at millions of entries.
-- External-content FTS5 table: the text lives once, in LogEntry; this holds only the index.
CREATE VIRTUAL TABLE "LogEntrySearch" USING fts5(
  message, model, recordId, actorLabel, data,
  content='LogEntry', content_rowid='sequence', tokenize='unicode61'
);

CREATE TRIGGER "LogEntrySearch_ai" AFTER INSERT ON "LogEntry" BEGIN
  INSERT INTO "LogEntrySearch"(rowid, message, model, recordId, actorLabel, data)
  VALUES (new."sequence", new."message", new."model", new."recordId", new."actorLabel", new."data");
END;

CREATE TRIGGER "LogEntrySearch_ad" AFTER DELETE ON "LogEntry" BEGIN
  INSERT INTO "LogEntrySearch"("LogEntrySearch", rowid, message, model, recordId, actorLabel, data)
  VALUES ('delete', old."sequence", old."message", old."model", old."recordId", old."actorLabel", old."data");
END;
