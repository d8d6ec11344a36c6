export async function seedDemoDatabase(_url: string, _opts: { force?: boolean }): Promise<void> {}
