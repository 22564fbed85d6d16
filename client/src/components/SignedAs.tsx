import { useSession } from '../hooks/useSession.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** Who the act is recorded under: the signed-in user (the server signs it from the session). */
export function SignedAs() {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user) return null;
  return (
    <p className="officer">
      {t.accounts.account.signedAs}: <strong data-testid="officer-name">{user.displayName}</strong>
    </p>
  );
}
