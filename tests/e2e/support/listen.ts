import { expect, type Page } from '@playwright/test';

export type ListenModeName = 'auto' | 'webrtc' | 'hls';

/**
 * Picks a listening mode on the channel page (toggle buttons with aria-pressed). Retried until
 * pressed: a click that lands before React has hydrated the page does nothing.
 */
export async function chooseListenMode(page: Page, mode: ListenModeName): Promise<void> {
  const button = page.getByTestId(`listen-mode-${mode}`);
  await expect(async () => {
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true', { timeout: 1_000 });
  }).toPass();
}
