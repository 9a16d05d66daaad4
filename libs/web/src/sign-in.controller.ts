import { Body, Get, Inject, NotFoundException, Post, Query, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import type { Session, SessionData } from 'express-session';
import { BOARD_NAMES, BOARDS, isBoardRole, type Principal } from '@app/auth';
import type { Environment } from '@app/config';
import type { FieldViolation } from '@app/domain';
import { csrfTokenOf } from './csrf';
import { textField, type FormBody } from './form';
import { OidcClient } from './oidc.client';
import { PageController } from './page.decorators';
import { OpenPage } from './page.metadata';
import { safeReturnTo } from './page.errors';
import { PageRenderer } from './page.renderer';
import { WEB_OPTIONS, type WebAppOptions } from './web.options';
import { developmentPrincipal, DEVELOPMENT_ROLES } from './development-sign-in';

type PageSession = Session & Partial<SessionData>;

/**
 * Sign-in and sign-out for the pages. Development mode (AUTH_MODE=development, never in production): choose a role
 * and an organisation. Production: OpenID Connect with the council's identity provider (OIDC_* settings). Either
 * way the session is regenerated on sign-in, so an id fixed before sign-in is worthless after it.
 */
@PageController()
@OpenPage()
export class SignInController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly oidc: OidcClient,
    private readonly config: ConfigService<Environment, true>,
    @Inject(WEB_OPTIONS) private readonly options: WebAppOptions,
  ) {}

  private get development(): boolean {
    return !this.oidc.enabled && this.config.get('AUTH_MODE', { infer: true }) === 'development';
  }

  @Get('sign-in')
  page(@Req() req: Request, @Res() res: Response, @Query('returnTo') returnTo?: string): void {
    const principal = req.session.principal;
    if (principal) {
      res.redirect(303, safeReturnTo(returnTo) ?? this.options.home(principal));
    } else if (this.oidc.enabled) {
      this.pages.render(req, res, 'sign-in.njk', { mode: 'oidc', returnTo: safeReturnTo(returnTo) });
    } else if (!this.development) {
      this.pages.render(req, res, 'sign-in.njk', { mode: 'unavailable' }, 503);
    } else {
      this.pages.render(req, res, 'sign-in.njk', {
        ...this.developmentForm(),
        returnTo: safeReturnTo(returnTo),
        values: {},
      });
    }
  }

  @Post('sign-in')
  async signInForDevelopment(@Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.development) throw new NotFoundException();
    const outcome = developmentPrincipal(textField(body, 'role'), textField(body, 'organisation'), this.options.roles, textField(body, 'board'));
    const returnTo = safeReturnTo(textField(body, 'returnTo'));
    if ('errors' in outcome) {
      const values = { role: textField(body, 'role'), organisation: textField(body, 'organisation'), board: textField(body, 'board') };
      this.pages.render(
        req,
        res,
        'sign-in.njk',
        {
          ...this.developmentForm(values.board),
          returnTo,
          values,
          errors: outcome.errors.map((e) => ({ text: e.message, href: `#${e.path}` })),
          fieldErrors: signInFieldErrors(outcome.errors),
        },
        400,
      );
      return;
    }
    await this.establish(req, outcome.principal);
    res.redirect(303, returnTo ?? this.options.home(outcome.principal));
  }

  @Get('sign-in/oidc')
  async startOidc(@Req() req: Request, @Res() res: Response, @Query('returnTo') returnTo?: string): Promise<void> {
    if (!this.oidc.enabled) throw new NotFoundException();
    const { url, pending } = await this.oidc.start(safeReturnTo(returnTo) ?? '');
    req.session.oidc = pending;
    await save(req.session);
    res.redirect(303, url);
  }

  @Get('sign-in/callback')
  async finishOidc(@Req() req: Request, @Res() res: Response): Promise<void> {
    const pending = req.session.oidc;
    if (!this.oidc.enabled || !pending) throw new NotFoundException();
    delete req.session.oidc;
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
    let principal: Principal;
    try {
      principal = await this.oidc.finish(query, pending);
    } catch {
      // The reason stays out of the page and the log: it may quote the provider's answer.
      this.pages.render(req, res, 'sign-in.njk', { mode: 'oidc', failed: true }, 401);
      return;
    }
    await this.establish(req, principal);
    res.redirect(303, safeReturnTo(pending.returnTo) ?? this.options.home(principal));
  }

  @Post('sign-out')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    await new Promise<void>((resolve, reject) => req.session.destroy((error?: Error) => (error ? reject(error) : resolve())));
    res.clearCookie('rh.sid', { path: '/' });
    res.redirect(303, '/sign-in');
  }

  /** A new session id for the signed-in person, with a new CSRF token. */
  private async establish(req: Request, principal: Principal): Promise<void> {
    await new Promise<void>((resolve, reject) => req.session.regenerate((error?: Error) => (error ? reject(error) : resolve())));
    req.session.principal = principal;
    req.session.signedInAt = Date.now();
    csrfTokenOf(req.session);
    await save(req.session);
  }

  /** The development form's choices: the roles this site admits, an organisation only where first responders sign in. */
  private developmentForm(board?: string): Record<string, unknown> {
    return {
      mode: 'development',
      roles: this.roleChoices(),
      organisation: this.options.roles.includes('first_responder'),
      boards: this.boardChoices(board),
    };
  }

  private roleChoices(): Array<{ value: string; text: string }> {
    return DEVELOPMENT_ROLES.filter((r) => this.options.roles.includes(r.value));
  }

  /** The board a board member signs in for (only on sites board members use). */
  private boardChoices(chosen?: string): Array<{ value: string; text: string; selected?: boolean }> | undefined {
    if (!this.options.roles.some(isBoardRole)) return undefined;
    return [{ value: '', text: 'Select a board' }, ...BOARDS.map((b) => ({ value: b, text: BOARD_NAMES[b], selected: b === chosen }))];
  }
}

/**
 * Each refusal beside the field it is about (role, organisation or board), worked out here: the page cannot pick
 * them out of the summary, as Nunjucks' `selectattr` ignores a test such as `equalto` and keeps every error.
 */
export function signInFieldErrors(errors: readonly FieldViolation[]): Partial<Record<'role' | 'organisation' | 'board', string>> {
  const fields: Partial<Record<'role' | 'organisation' | 'board', string>> = {};
  for (const e of errors) if ((e.path === 'role' || e.path === 'organisation' || e.path === 'board') && !fields[e.path]) fields[e.path] = e.message;
  return fields;
}

function save(session: PageSession): Promise<void> {
  return new Promise<void>((resolve, reject) => session.save((error?: Error) => (error ? reject(error) : resolve())));
}
