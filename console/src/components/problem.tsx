/** An API error as its problem+json title and detail (anything else thrown: its message). */
import { ApiProblem } from '../api';

export interface ProblemViewProps {
  problem: unknown;
  /** What the page was doing, e.g. "Loading the sheets". */
  context?: string;
}

export function problemText(problem: unknown): { title: string; detail: string; status?: number } {
  if (problem instanceof ApiProblem) {
    return { title: problem.title, detail: problem.detail, status: problem.status || undefined };
  }
  if (problem instanceof Error) return { title: 'Something went wrong', detail: problem.message };
  return { title: 'Something went wrong', detail: String(problem) };
}

export function ProblemView({ problem, context }: ProblemViewProps) {
  const { title, detail, status } = problemText(problem);
  return (
    <div class="problem" role="alert">
      <p class="problem-title">
        {context ? `${context}: ` : ''}
        <strong>{title}</strong>
        {status ? <span class="problem-status"> (HTTP {status})</span> : null}
      </p>
      {detail ? <p class="problem-detail">{detail}</p> : null}
    </div>
  );
}
