import type { ExportPreset } from '../../../shared/api/exports';
import { BantamError } from '../errors';

// Column sets with the header names each CRM's import recognises without mapping by hand:
// HubSpot's contact property labels and Salesforce's lead field labels.
export const EXPORT_PRESETS: readonly ExportPreset[] = [
  {
    id: 'hubspot',
    name: 'HubSpot re-import',
    columns: [
      { id: 'givenName', header: 'First Name' },
      { id: 'familyName', header: 'Last Name' },
      { id: 'email', header: 'Email' },
      { id: 'phone', header: 'Phone Number' },
      { id: 'mobile', header: 'Mobile Phone Number' },
      { id: 'companyName', header: 'Company Name' },
      { id: 'title', header: 'Job Title' },
      { id: 'industry', header: 'Industry' },
      { id: 'employeeCount', header: 'Number of Employees' },
      { id: 'postalCode', header: 'Postal Code' },
      { id: 'prefecture', header: 'State/Region' },
      { id: 'address', header: 'Street Address' },
      { id: 'stage', header: 'Lead Status' },
      { id: 'owner', header: 'Contact owner' },
      { id: 'source', header: 'Original Source' },
    ],
  },
  {
    id: 'salesforce',
    name: 'Salesforce re-import',
    columns: [
      { id: 'familyName', header: 'Last Name' },
      { id: 'givenName', header: 'First Name' },
      { id: 'companyName', header: 'Company' },
      { id: 'title', header: 'Title' },
      { id: 'email', header: 'Email' },
      { id: 'phone', header: 'Phone' },
      { id: 'mobile', header: 'Mobile' },
      { id: 'address', header: 'Street' },
      { id: 'prefecture', header: 'State/Province' },
      { id: 'postalCode', header: 'Zip/Postal Code' },
      { id: 'industry', header: 'Industry' },
      { id: 'employeeCount', header: 'No. of Employees' },
      { id: 'source', header: 'Lead Source' },
      { id: 'stage', header: 'Lead Status' },
      { id: 'latestNote', header: 'Description' },
    ],
  },
];

export const findPreset = (id: string): ExportPreset => {
  const preset = EXPORT_PRESETS.find((p) => p.id === id);
  if (!preset) {
    throw new BantamError('invalid_input', `There is no export preset "${id}". Presets: ${EXPORT_PRESETS.map((p) => p.id).join(', ')}.`, {
      messageKey: 'exports.errors.unknownPreset',
      params: { preset: id },
    });
  }
  return preset;
};
