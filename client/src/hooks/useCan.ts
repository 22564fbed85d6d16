import { can, type Permission } from '../../../shared/contracts/roles.js';
import { useSession } from './useSession.js';

/** Whether the signed-in user's roles grant `permission` (the shared role table decides). */
export function useCan(permission: Permission): boolean {
  const { user } = useSession();
  return user !== null && can(user.roles, permission);
}
