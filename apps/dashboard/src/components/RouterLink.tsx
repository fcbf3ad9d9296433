import { Link } from 'react-router';

import type { LinkComponentProps } from '@wirelens/ui';

/** Adapter so the UI package's `href`-based links navigate client-side through react-router. */
export function RouterLink({ href, ...rest }: LinkComponentProps) {
  return <Link to={href} {...rest} />;
}
