import { SmartLink, type LinkComponent } from './link.js';

export interface TopicChipProps {
  name: string;
  href?: string;
  linkComponent?: LinkComponent;
}

export function TopicChip({ name, href, linkComponent }: TopicChipProps) {
  if (!href) return <span className="wl-chip wl-chip--topic">{name}</span>;
  return (
    <SmartLink linkComponent={linkComponent} href={href} className="wl-chip wl-chip--topic">
      {name}
    </SmartLink>
  );
}
