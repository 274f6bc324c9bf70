/**
 * The server's entry: menu, sidebar, its RPC and the survey triggers. esbuild turns this module into the
 * global `LeadlagServer`, shipped as a comment in dist/Server.js and compiled only when a server entry runs
 * (see loader.ts): formula executions never compile it.
 */
export { onOpen, onInstall, open, buildFromMenu, rebuildFromMenu, help, rpc, surveyFromMenu, uninstallFromMenu } from './server';
export { formSubmit, weekly } from './survey';
