import { IconSuccess } from '../../../../components/icons';
import { flows } from '../i18n/flows';
import './enrolment.css';

interface Props {
  /** The steps' names, in order. */
  steps: readonly string[];
  /** 1-based. */
  current: number;
  /** "Step 2 of 3", said to screen readers on the current step. */
  stepOf: string;
}

/**
 * A segmented progress bar of named steps: done steps carry a check (and "done" in words), the current one is
 * marked with aria-current="step" and says "Step n of m" to screen readers. Not interactive: Back and Next move.
 */
export function Stepper({ steps, current, stepOf }: Props) {
  return (
    <ol class="stepper" aria-label={flows.stepper.label}>
      {steps.map((name, i) => {
        const n = i + 1;
        const state = n < current ? 'done' : n === current ? 'current' : 'todo';
        return (
          <li key={name} class={`stepper-step ${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span class="stepper-mark" aria-hidden="true">
              {state === 'done' ? <IconSuccess size={16} /> : n}
            </span>
            <span class="stepper-name">{name}</span>
            {state === 'done' ? <span class="visually-hidden"> ({flows.stepper.done})</span> : null}
            {state === 'current' ? <span class="visually-hidden"> ({stepOf})</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
