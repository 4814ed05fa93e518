/**
 * A figure that cannot be drawn as an image: an unreadable colour, a bad size, or a log
 * axis with no positive values. The message names the figure part that is wrong.
 *
 * @example
 * try { figureToPng(fig); } catch (e) { if (e instanceof RasterError) console.log(e.message); }
 */
export class RasterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RasterError";
  }
}
