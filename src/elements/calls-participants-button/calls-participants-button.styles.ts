import { panelButtonStyles } from '../../internal/panel-button.styles.js';

export const participantsButtonStyles = [panelButtonStyles];
