import { PortalException } from '#common';

/**
 * The admin API's own error codes (`SIM-ADMIN-<status>`): it is the simulator's, not the portal's, so it
 * never answers with a portal code an integrator could mistake for the platform's (e.g. `PUCX-ER0401`,
 * the maintenance window).
 */
export const adminErrorCode = (status: number) => `SIM-ADMIN-${status}`;

export function adminError(status: number, message: string, extra: Record<string, unknown> = {}): PortalException {
  return new PortalException(status, adminErrorCode(status), message, extra);
}
