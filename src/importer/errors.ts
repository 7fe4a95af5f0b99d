/** A problem with one input file, reported to the editor as "file: field: message". */
export class ImportError extends Error {
  readonly file: string;
  readonly field: string;

  constructor(file: string, field: string, message: string) {
    super(`${file}: ${field}: ${message}`);
    this.name = 'ImportError';
    this.file = file;
    this.field = field;
  }
}
