import { buttonStyles } from '../../internal/button.styles.js';

export const micButtonStyles = [buttonStyles];
