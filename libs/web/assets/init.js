// Starts GOV.UK Frontend's components (conditional reveals, error summary focus, navigation toggle). The pages
// work without it: every form is a plain POST.
import { initAll } from '/assets/govuk-frontend.min.js';

initAll();
