import type {
  BreadcrumbList,
  Event as EventLd,
  GovernmentOffice,
  HowTo,
  JobPosting,
  OpeningHoursSpecification,
  Project as ProjectLd,
  WithContext,
} from 'schema-dts';
import {
  blocksToPlainText,
  type ContactPoint,
  type Event,
  type Opportunity,
  type Project,
  type Tutorial,
} from '@sito/shared';

/** Kinds of opportunity that are jobs in schema.org's sense (JobPosting). */
const JOB_KINDS: Partial<Record<Opportunity['kind'], string>> = {
  job: 'FULL_TIME',
  internship: 'INTERN',
  apprenticeship: 'OTHER',
  seasonal: 'TEMPORARY',
};

const DAY: Record<string, string> = {
  monday: 'https://schema.org/Monday',
  tuesday: 'https://schema.org/Tuesday',
  wednesday: 'https://schema.org/Wednesday',
  thursday: 'https://schema.org/Thursday',
  friday: 'https://schema.org/Friday',
  saturday: 'https://schema.org/Saturday',
  sunday: 'https://schema.org/Sunday',
};

/** A JobPosting for job-like opportunities, or null for the others (calls, courses...). */
export function jobPosting(opportunity: Opportunity, url: string): WithContext<JobPosting> | null {
  const employmentType = JOB_KINDS[opportunity.kind];
  if (!employmentType) return null;
  const description = opportunity.body ? blocksToPlainText(opportunity.body) : opportunity.summary;
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: opportunity.title,
    description: description || opportunity.summary,
    datePosted: opportunity.publishedAt,
    // The last day to apply, inclusive, on Italian time.
    ...(opportunity.deadline ? { validThrough: `${opportunity.deadline}T23:59:59+01:00` } : {}),
    employmentType,
    url,
    hiringOrganization: {
      '@type': 'Organization',
      name: opportunity.organisation ?? opportunity.territory?.name ?? 'Informagiovani',
    },
    ...(opportunity.remote
      ? { jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: { '@type': 'Country', name: 'IT' } }
      : {
          jobLocation: {
            '@type': 'Place',
            address: {
              '@type': 'PostalAddress',
              addressLocality: opportunity.municipality ?? 'Lombardia',
              addressRegion: 'Lombardia',
              addressCountry: 'IT',
            },
          },
        }),
  };
}

export function eventLd(event: Event, url: string): WithContext<EventLd> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    description: event.summary,
    startDate: event.startsAt,
    endDate: event.endsAt,
    url,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: event.venue
      ? 'https://schema.org/OfflineEventAttendanceMode'
      : 'https://schema.org/OnlineEventAttendanceMode',
    location: event.venue
      ? {
          '@type': 'Place',
          name: event.venue.name,
          address: {
            '@type': 'PostalAddress',
            streetAddress: event.venue.address,
            addressLocality: event.venue.municipality,
            addressCountry: 'IT',
          },
        }
      : { '@type': 'VirtualLocation', url: event.onlineUrl ?? url },
    ...(event.organiser ? { organizer: { '@type': 'Organization', name: event.organiser } } : {}),
  };
}

export function governmentOffice(point: ContactPoint): WithContext<GovernmentOffice> {
  const hours: OpeningHoursSpecification[] = point.openingHours.map((interval) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: { '@id': DAY[interval.day] ?? DAY.monday! },
    opens: interval.opens,
    closes: interval.closes,
  }));
  const special: OpeningHoursSpecification[] = point.exceptions.map((exception) => ({
    '@type': 'OpeningHoursSpecification',
    validFrom: exception.date,
    validThrough: exception.date,
    opens: exception.closed ? '00:00' : (exception.opens ?? '00:00'),
    closes: exception.closed ? '00:00' : (exception.closes ?? '00:00'),
  }));
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOffice',
    name: point.name,
    address: {
      '@type': 'PostalAddress',
      streetAddress: point.address,
      addressLocality: point.municipality,
      ...(point.postalCode ? { postalCode: point.postalCode } : {}),
      addressCountry: 'IT',
    },
    ...(point.phone ? { telephone: point.phone } : {}),
    ...(point.email ? { email: point.email } : {}),
    ...(point.website ? { url: point.website } : {}),
    ...(point.latitude !== null && point.longitude !== null
      ? { geo: { '@type': 'GeoCoordinates', latitude: point.latitude, longitude: point.longitude } }
      : {}),
    openingHoursSpecification: hours,
    ...(special.length ? { specialOpeningHoursSpecification: special } : {}),
  };
}

export function howTo(tutorial: Tutorial, url: string): WithContext<HowTo> {
  return {
    '@context': 'https://schema.org',
    '@type': 'HowTo',
    name: tutorial.title,
    description: tutorial.summary,
    url,
    ...(tutorial.readingMinutes ? { totalTime: `PT${tutorial.readingMinutes}M` } : {}),
    step: tutorial.steps.map((step, index) => ({
      '@type': 'HowToStep',
      position: index + 1,
      name: step.title,
      text: step.body ? blocksToPlainText(step.body) : step.title,
    })),
  };
}

/**
 * A project as schema.org's Project (an Organization): its period as founding and dissolution
 * dates, its partners as members, its funding as a grant (a MonetaryGrant when the amount is known).
 */
export function projectLd(project: Project, url: string): WithContext<ProjectLd> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Project',
    name: project.title,
    description: project.summary,
    url,
    foundingDate: project.startDate,
    ...(project.endDate ? { dissolutionDate: project.endDate } : {}),
    ...(project.partners.length
      ? {
          member: project.partners.map((partner) => ({
            '@type': 'Organization' as const,
            name: partner.name,
            ...(partner.url ? { url: partner.url } : {}),
          })),
        }
      : {}),
    ...(project.funding
      ? {
          funding:
            project.fundingAmount !== null
              ? {
                  '@type': 'MonetaryGrant' as const,
                  name: project.funding,
                  amount: { '@type': 'MonetaryAmount' as const, value: project.fundingAmount, currency: 'EUR' },
                }
              : { '@type': 'Grant' as const, name: project.funding },
        }
      : {}),
  };
}

export function breadcrumbList(
  items: Array<{ label: string; href: string }>,
  site: URL | undefined,
): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.label,
      item: new URL(item.href, site).href,
    })),
  };
}
