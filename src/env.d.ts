declare namespace App {
  interface Locals {
    /** Set by an article page whose source's terms require a credit; checked by src/middleware.ts. */
    requiredCredit?: import('./catalog/credit-check.ts').RequiredCredit;
  }
}
