// The floor: a bare echo bot on the same botbuilder and restify, wired as Microsoft's samples do
// (BotBuilder-Samples 02.echo-bot). It does no work per turn. `npm run bench` runs it beside our bot,
// both as plain Node.js (our bot from its build, as `npm start` runs it).
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import restify from "restify";

const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity(`Echo: ${context.activity.text}`);
  await next();
});
const adapter = new CloudAdapter(
  new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: "",
    MicrosoftAppPassword: "",
    MicrosoftAppType: "MultiTenant",
    MicrosoftAppTenantId: "",
  }),
);
const server = restify.createServer();
server.use(restify.plugins.bodyParser({ maxBodySize: 64 * 1024, mapParams: false }));
server.post("/api/messages", async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.get("/healthz", async (_req, res) => {
  res.send(200, { status: "alive" });
});
server.listen(Number(process.env.PORT ?? 3979));
