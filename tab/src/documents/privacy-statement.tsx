import type { JSX } from 'react';
import { DocumentArticle } from './document-article.js';
import { documentTitles } from './document-titles.js';
import { DocumentSection } from './document-section.js';

/** What Lastmile keeps, who sees it, where it lives and how to have it erased. Linked as privacyUrl. */
export function PrivacyStatement(): JSX.Element {
  return (
    <DocumentArticle
      id="privacy-title"
      title={documentTitles.privacy}
      summary={
        <>
          Lastmile helps your organisation roll out AI tools at work. Your organisation runs its own
          copy of Lastmile and keeps everything it records in its own Azure subscription. This page
          says what that is, who can see it and how to have it erased.
        </>
      }
    >
      <DocumentSection id="privacy-keeps" title="What Lastmile keeps">
        <ul>
          <li>
            <strong>The roster:</strong> your name, work email address, Microsoft Entra user id,
            department, job family and role in the program (member, team lead, AI champion or
            admin), as your organisation&apos;s admin sets them up.
          </li>
          <li>
            <strong>Prompts:</strong> the prompts people propose and publish in the shared library,
            every version of each, who wrote or changed it, and how often it is used and how it is
            rated.
          </li>
          <li>
            <strong>Flags and suggestions:</strong> when you flag AI output, its category, the text
            you flagged, what you expected instead and what was done about it; and the workflow
            improvements you suggest.
          </li>
          <li>
            <strong>Usage events:</strong> a record, tied to you, of each time you used an AI tool
            that Lastmile hears about: a prompt you inserted from Lastmile, a Microsoft 365 Copilot
            usage report or an export from another AI tool that your organisation imports. Each
            holds when it happened and where it came from, not what you asked the tool.
          </li>
          <li>
            <strong>Lessons and practice:</strong> which lessons you completed and your answers to
            their check questions, which practice sessions you took part in, and your answers to the
            weekly question on how long a task takes.
          </li>
          <li>
            <strong>What Teams needs to message you:</strong> so the bot can send your weekly lesson
            and tell you what became of your flags.
          </li>
        </ul>
        <p>
          Lastmile does not read your chats, meetings or files. It receives the text of a message
          only when you act on that message (Flag AI output, Save as prompt) or write to the
          Lastmile bot.
        </p>
      </DocumentSection>

      <DocumentSection id="privacy-sees" title="Who sees what">
        <ul>
          <li>
            <strong>You</strong> can see your own lessons, practice sessions and flags.
          </li>
          <li>
            <strong>AI champions</strong>, who run the program, are the only people who see usage,
            lesson and practice figures for individuals, so that they can offer help to people who
            have not started.
          </li>
          <li>
            <strong>Everyone else</strong>, team leads included, sees these figures only as totals
            per department. A department with fewer people than the minimum group size (5 unless
            your organisation chose another number) is left out, so nobody can work out one
            person&apos;s figures.
          </li>
          <li>
            <strong>Flags</strong>, with the text you flagged and your name, are seen only by you,
            by the reviewer the flag is given to, and by your organisation&apos;s AI champions, who
            decide what happens to them. If a flag is passed on to the AI tool&apos;s vendor, your
            organisation decides what it sends, and names can be left out.
          </li>
          <li>
            <strong>Published prompts</strong> can be read by everyone in your organisation who uses
            Lastmile.
          </li>
        </ul>
        <p>
          The makers of Lastmile receive none of this, and Lastmile shows no advertising and sells
          no data.
        </p>
      </DocumentSection>

      <DocumentSection id="privacy-where" title="Where it lives">
        <p>
          Everything Lastmile keeps is stored in your organisation&apos;s own Azure Cosmos DB
          account, in the Azure subscription and region your organisation chose. Every record is
          marked with your organisation&apos;s Microsoft 365 tenant, and every request is limited to
          that tenant. The app&apos;s operational logs (requests and errors) go to Application
          Insights in the same subscription.
        </p>
      </DocumentSection>

      <DocumentSection id="privacy-erasure" title="Keeping and erasing your data">
        <p>
          Lastmile keeps records until your organisation removes them; it does not delete them on a
          schedule. To see what Lastmile holds about you, or to have it erased, ask your
          organisation&apos;s Lastmile admin, who can remove you from the roster and erase your
          records. Your organisation&apos;s own privacy policy applies as well.
        </p>
      </DocumentSection>
    </DocumentArticle>
  );
}
PrivacyStatement.displayName = 'PrivacyStatement';
