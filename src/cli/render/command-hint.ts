/**
 * A civetta command as a hint to print: with the config's absolute path, so it works as printed
 * from any folder, in a cron log as at the terminal. Quoted for sh when the path needs it.
 */
export function commandHint(args: string, configFile: string | undefined): string {
  if (!configFile) return `civetta ${args}`;
  const path = /^[\w@%+=:,./-]+$/.test(configFile) ? configFile : `'${configFile.replaceAll("'", `'\\''`)}'`;
  return `civetta --config ${path} ${args}`;
}
