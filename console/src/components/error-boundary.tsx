/** A page that throws while rendering shows the error instead of leaving a blank page. */
import { Component, type ComponentChildren } from 'preact';
import { ProblemView } from './problem';

export class ErrorBoundary extends Component<{ children: ComponentChildren }, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static override getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error !== undefined) {
      return <ProblemView problem={this.state.error} context="This page failed" />;
    }
    return this.props.children;
  }
}
