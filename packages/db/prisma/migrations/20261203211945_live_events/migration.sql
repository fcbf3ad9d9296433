-- Hand-written: live updates (GraphQL subscriptions). Storing an analysis run announces its article and
-- recording a notification announces it, on `wirelens_live`, at commit of the same transaction, so the
-- pipeline needs no change. Payloads stay small ids: `a:<articleId>:<analysisId>`, `n:<notificationId>`
-- (the analysis id lets an API process whose LISTEN connection dropped catch up on the analyses stored
-- meanwhile and tell which it has already dispatched). API processes LISTEN and load the rows once per
-- batch (packages/services/src/live/live-feed.ts).
CREATE FUNCTION "live_event_notify"() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'Analysis' THEN
    PERFORM pg_notify('wirelens_live', 'a:' || NEW."articleId" || ':' || NEW."id");
  ELSE
    PERFORM pg_notify('wirelens_live', 'n:' || NEW."id");
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Analysis_live_event"
  AFTER INSERT ON "Analysis"
  FOR EACH ROW EXECUTE FUNCTION "live_event_notify"();

CREATE TRIGGER "Notification_live_event"
  AFTER INSERT ON "Notification"
  FOR EACH ROW EXECUTE FUNCTION "live_event_notify"();
