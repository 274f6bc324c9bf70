import { openPreview, sidebarReady, screenshot } from './tests/browser/helpers';
(async () => {
  const o = await openPreview({});
  const { page } = o;
  try {
    await page.getByRole('button', { name: 'Open Leadlag' }).click();
    let f = await sidebarReady(page, 'home');
    await f.getByRole('button', { name: 'Set up goals' }).waitFor();
    await page.screenshot({ path: '/tmp/gx/shots/home.png', fullPage: true });
    await f.getByRole('button', { name: 'Set up goals' }).click();
    f = await sidebarReady(page, 'goals-1');
    await page.screenshot({ path: '/tmp/gx/shots/g1.png' });
    await f.getByRole('button', { name: 'Next' }).click();
    f = await sidebarReady(page, 'goals-2');
    await page.screenshot({ path: '/tmp/gx/shots/g2.png' });
    await f.getByRole('button', { name: 'Next' }).click();
    f = await sidebarReady(page, 'goals-3');
    await page.screenshot({ path: '/tmp/gx/shots/g3.png' });
    await f.getByRole('button', { name: 'Build goals sheet' }).click();
    f = await sidebarReady(page, 'goals-built', 30000);
    await page.waitForSelector('table.sheet[data-sheet="Goals that connect"]');
    await page.screenshot({ path: '/tmp/gx/shots/g4.png' });
    await f.getByRole('button', { name: 'Done' }).click();
    f = await sidebarReady(page, 'home');
    await f.getByRole('button', { name: 'Build a key-account plan' }).click();
    f = await sidebarReady(page, 'accounts-1');
    await page.screenshot({ path: '/tmp/gx/shots/a1.png' });
    await f.getByRole('button', { name: 'Next' }).click();
    f = await sidebarReady(page, 'accounts-2');
    await page.screenshot({ path: '/tmp/gx/shots/a2.png' });
    await f.getByRole('button', { name: 'Next' }).click();
    f = await sidebarReady(page, 'accounts-3');
    await f.getByRole('button', { name: 'Build the plan' }).click();
    f = await sidebarReady(page, 'accounts-built', 30000);
    await page.waitForSelector('table.sheet[data-sheet="Key-account plan"]');
    await page.screenshot({ path: '/tmp/gx/shots/a4.png' });
  } catch (e) { console.error(e); await page.screenshot({ path: '/tmp/gx/shots/fail.png' }); }
  await o.close();
})();
