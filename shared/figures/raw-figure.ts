import type { Figure } from '../model';

/** A figure before it is placed in its sentence and section (no id, sectionId, sentence). */
export type RawFigure = Omit<Figure, 'id' | 'text' | 'sectionId' | 'sentence'>;
