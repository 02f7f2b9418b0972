import { Link } from '@fluentui/react-components';
import type { JSX } from 'react';
import { hashFor } from '../routes/hash-route.js';
import { DocumentArticle } from './document-article.js';
import { documentTitles } from './document-titles.js';
import { DocumentSection } from './document-section.js';

/** The rules for using Lastmile, in plain words. Linked as the manifest's termsOfUseUrl. */
export function TermsOfUse(): JSX.Element {
  return (
    <DocumentArticle
      id="terms-title"
      title={documentTitles.terms}
      summary={
        <>
          Your organisation provides Lastmile to help its people use AI tools well at work. By using
          it you agree to these terms and to your organisation&apos;s own policies on AI and
          acceptable use, which come first where they differ.
        </>
      }
    >
      <DocumentSection id="terms-work" title="Use it for your work">
        <p>
          Lastmile is for work in your organisation. Use it with your work account, and only in the
          ways your organisation allows.
        </p>
      </DocumentSection>

      <DocumentSection id="terms-share" title="What you share">
        <ul>
          <li>
            Prompts you propose may be edited, published, versioned or withdrawn by the library
            owner, and once published everyone in your organisation who uses Lastmile can read and
            use them.
          </li>
          <li>
            Do not put passwords, customer data or anything your organisation does not allow in an
            AI tool into a prompt, a flag or a suggestion.
          </li>
          <li>
            Flag and suggest in good faith. A reviewer may change a prompt or a workflow, pass a
            flag to the AI tool&apos;s vendor, or close it with a note.
          </li>
        </ul>
      </DocumentSection>

      <DocumentSection id="terms-ai" title="AI output is yours to check">
        <p>
          Lastmile offers prompts, lessons and practice; it does not check what an AI tool answers.
          You remain responsible for the work you produce with AI. When output is wrong, biased,
          unhelpful or unsafe, flag it so it can be put right.
        </p>
      </DocumentSection>

      <DocumentSection id="terms-fair" title="Fair use">
        <p>
          Do not try to reach other people&apos;s records, get around the roles your organisation
          gave you, or flood Lastmile with automated requests. Search and data imports are rate
          limited.
        </p>
      </DocumentSection>

      <DocumentSection id="terms-service" title="The service">
        <p>
          Your organisation runs Lastmile on its own Microsoft Teams and Azure services, and may
          change, pause or end it, or change these terms. Lastmile is provided as it is, without a
          promise that it will always be available or free of errors. Questions go to your
          organisation&apos;s Lastmile admin or AI champion.
        </p>
        <p>
          How Lastmile handles your data is set out in the{' '}
          <Link href={hashFor('privacy')}>{documentTitles.privacy}</Link>.
        </p>
      </DocumentSection>
    </DocumentArticle>
  );
}
TermsOfUse.displayName = 'TermsOfUse';
