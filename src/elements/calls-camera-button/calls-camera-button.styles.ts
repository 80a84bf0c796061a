import { toggleButtonStyles } from '../../internal/toggle-button.styles.js';

export const cameraButtonStyles = [toggleButtonStyles];
