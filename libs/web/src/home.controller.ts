import { Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PageController } from './page.decorators';
import { OpenPage } from './page.metadata';
import { WEB_OPTIONS, type WebAppOptions } from './web.options';

/** The site's root: a signed-in person's start page, else sign-in. */
@PageController()
@OpenPage()
export class HomeController {
  constructor(@Inject(WEB_OPTIONS) private readonly options: WebAppOptions) {}

  @Get()
  home(@Req() req: Request, @Res() res: Response): void {
    const principal = req.session.principal;
    res.redirect(303, principal ? this.options.home(principal) : '/sign-in');
  }
}
