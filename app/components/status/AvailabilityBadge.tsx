import { useTranslation } from "react-i18next";
import { Icon } from "~/components/ui/icons";
import { LINK_STATUS_LOOK } from "~/components/ui/status";
import type { Availability } from "~/domain/availability";

/** Availability wears the look of the link status it comes from (same shapes, same colours). */
const LOOK = {
  available: LINK_STATUS_LOOK.up,
  disturbed: LINK_STATUS_LOOK.degraded,
  unavailable: LINK_STATUS_LOOK.down,
  not_online: LINK_STATUS_LOOK.not_connected,
} as const;

/** "Disponible", "Perturbé", "Temporairement indisponible — …", "Pas encore en ligne …". */
export function AvailabilityBadge({ availability }: { availability: Availability }) {
  const { t } = useTranslation("procedures");
  const look = LOOK[availability];
  return (
    <span className={`badge badge--${look.tone}`} data-availability={availability}>
      <Icon name={look.icon} />
      {t(`availability.${availability}`)}
    </span>
  );
}
