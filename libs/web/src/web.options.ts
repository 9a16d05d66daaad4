import type { Principal, Role } from '@app/auth';

/** A link in the service navigation, shown to the roles named. */
export interface NavigationItem {
  readonly text: string;
  readonly href: string;
  readonly roles: readonly Role[];
}

/** What differs between the apps that serve pages (intake, insights). */
export interface WebAppOptions {
  /** Shown in the header and the page titles. */
  readonly serviceName: string;
  readonly navigation: readonly NavigationItem[];
  /** Where a signed-in person starts (and where sign-in sends them when no page was asked for). */
  home(principal: Principal): string;
  /** The roles that may sign in to this app's pages at all. */
  readonly roles: readonly Role[];
}

export const WEB_OPTIONS = Symbol('WEB_OPTIONS');
