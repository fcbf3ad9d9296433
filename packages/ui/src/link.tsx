import type { ComponentType, MouseEvent, ReactNode } from 'react';

export interface LinkComponentProps {
  href: string;
  className?: string;
  title?: string;
  'aria-label'?: string;
  onClick?: (event: MouseEvent<HTMLAnchorElement>) => void;
  children?: ReactNode;
}

/**
 * A router link that takes `href`. Routers that name it `to` need a one-line adapter, e.g.
 * `({ href, ...rest }) => <Link to={href} {...rest} />`.
 */
export type LinkComponent = ComponentType<LinkComponentProps>;

/** Renders the caller's router link when given, a plain anchor otherwise. */
export function SmartLink({
  linkComponent: Component,
  ...props
}: LinkComponentProps & { linkComponent?: LinkComponent }) {
  if (Component) return <Component {...props} />;
  return <a {...props} />;
}
