-- Hand-written: every change that can end or narrow a credential (token revoked or re-dated, session
-- ended, user deactivated, demoted, renamed or sent to change their password) notifies
-- `wirelens_auth` with the user's id, at commit. API processes cache who a credential stands for and
-- drop that user's entries when the notification arrives (apps/api/src/http/authenticate.ts).
CREATE FUNCTION "auth_change_notify"() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'User' THEN
    PERFORM pg_notify('wirelens_auth', OLD."id"::text);
  ELSE
    PERFORM pg_notify('wirelens_auth', OLD."userId"::text);
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "User_auth_change"
  AFTER UPDATE OF "email", "name", "role", "active", "mustChangePassword", "passwordHash" OR DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "auth_change_notify"();

-- A session's sliding expiry (lastSeenAt, a later expiresAt) is not a change of rights.
CREATE TRIGGER "Session_auth_change_delete"
  AFTER DELETE ON "Session"
  FOR EACH ROW EXECUTE FUNCTION "auth_change_notify"();
CREATE TRIGGER "Session_auth_change_update"
  AFTER UPDATE OF "tokenHash", "userId", "expiresAt" ON "Session"
  FOR EACH ROW WHEN (NEW."tokenHash" IS DISTINCT FROM OLD."tokenHash" OR NEW."userId" IS DISTINCT FROM OLD."userId"
                     OR NEW."expiresAt" < OLD."expiresAt")
  EXECUTE FUNCTION "auth_change_notify"();

CREATE TRIGGER "ApiToken_auth_change"
  AFTER UPDATE OF "tokenHash", "userId", "expiresAt", "revokedAt" OR DELETE ON "ApiToken"
  FOR EACH ROW EXECUTE FUNCTION "auth_change_notify"();
