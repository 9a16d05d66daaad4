import { SetMetadata } from '@nestjs/common';
import type { Role } from '@app/auth';

export const PAGE_ROLES = 'web:page-roles';
export const OPEN_PAGE = 'web:open-page';

/** The roles a page admits; a page controller that names none admits nobody but its @OpenPage() routes. */
export const PageRoles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(PAGE_ROLES, roles);

/** A page anyone may see without signing in (sign-in itself). Forms on it are still CSRF-checked. */
export const OpenPage = (): MethodDecorator & ClassDecorator => SetMetadata(OPEN_PAGE, true);
