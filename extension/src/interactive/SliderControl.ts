import type { SliderRange } from "@pmxlab/kernel";

/** Positions of a log slider: enough that each step moves a value by well under 1 %. */
const LOG_POSITIONS = 1000;

/**
 * One labelled control: a range slider and a number box kept in step. A linear slider
 * moves by the range's step; a log slider moves evenly in log(value) and rounds to three
 * significant digits. The number box takes any value within the range (others are marked
 * invalid and not applied, and put back when the box is left). `onChange` is called for
 * the user's changes only, never when `value` is set from outside.
 */
export class SliderControl {
  readonly node: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly box: HTMLInputElement;
  private current: number;

  constructor(
    readonly name: string,
    label: string,
    private readonly range: SliderRange,
    private readonly onChange: (name: string, value: number) => void,
  ) {
    this.current = range.value;
    this.node = document.createElement("label");
    this.node.className = "pmx-SliderControl";
    this.node.dataset.name = name;
    const text = document.createElement("span");
    text.className = "pmx-SliderControl-label";
    text.textContent = label;
    this.slider = input("range", "pmx-SliderControl-slider", label);
    this.box = input("number", "pmx-SliderControl-value", label);
    if (range.log) Object.assign(this.slider, { min: "0", max: String(LOG_POSITIONS), step: "1" });
    else Object.assign(this.slider, { min: String(range.min), max: String(range.max), step: String(range.step) });
    Object.assign(this.box, { min: String(range.min), max: String(range.max), step: "any" });
    this.slider.addEventListener("input", () => this.commit(this.fromSlider()));
    this.box.addEventListener("input", () => this.typed(false));
    this.box.addEventListener("change", () => this.typed(true));
    this.node.append(text, this.slider, this.box);
    this.show(range.value);
  }

  /** The value shown; setting it moves both inputs without calling `onChange`. */
  get value(): number {
    return this.current;
  }

  set value(value: number) {
    this.current = value;
    this.show(value);
  }

  private commit(value: number): void {
    if (value === this.current) return;
    this.current = value;
    this.show(value, this.slider);
    this.onChange(this.name, value);
  }

  private typed(leaving: boolean): void {
    const value = this.box.valueAsNumber;
    const valid = Number.isFinite(value) && value >= this.range.min && value <= this.range.max;
    this.box.classList.toggle("pmx-mod-invalid", !valid && !leaving);
    if (valid) {
      this.current = value;
      this.show(value, this.box);
      this.onChange(this.name, value);
    } else if (leaving) this.show(this.current);
  }

  private fromSlider(): number {
    const position = Number(this.slider.value);
    if (!this.range.log) return clean(position);
    const { min, max } = this.range;
    const value = Math.exp(Math.log(min) + (position / LOG_POSITIONS) * Math.log(max / min));
    return Math.min(max, Math.max(min, Number(value.toPrecision(3))));
  }

  /** Shows `value` in the inputs other than `source` (the one the user is moving). */
  private show(value: number, source?: HTMLInputElement): void {
    if (source !== this.box) this.box.value = String(value);
    if (source === this.slider) return;
    const { min, max, log } = this.range;
    this.slider.value = String(log ? Math.round((Math.log(value / min) / Math.log(max / min)) * LOG_POSITIONS) : value);
  }
}

function input(type: "range" | "number", className: string, label: string): HTMLInputElement {
  const element = document.createElement("input");
  element.type = type;
  element.className = className;
  element.setAttribute("aria-label", label);
  return element;
}

/** Drops binary rounding noise from slider arithmetic (0.30000000000000004 → 0.3). */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}
