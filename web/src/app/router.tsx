import { createBrowserRouter, Navigate } from 'react-router-dom';
import { LoginPage } from '../modules/auth/components/LoginPage';
import { RequireAuth } from '../modules/auth/components/RequireAuth';
import { GeoAcRedirect } from '../modules/geo/components/GeoAcRedirect';
import { GeoPcPage } from '../modules/geo/components/GeoPcPage';
import { GeoStatePage } from '../modules/geo/components/GeoStatePage';
import { GeoStatesPage } from '../modules/geo/components/GeoStatesPage';
import { ElectionPage } from '../modules/elections/components/ElectionPage';
import { ElectionsPage } from '../modules/elections/components/ElectionsPage';
import { SeatPage } from '../modules/elections/components/SeatPage';
import { InstancePage } from '../modules/programmes/components/InstancePage';
import { ProgrammePage } from '../modules/programmes/components/ProgrammePage';
import { ProgrammesPage } from '../modules/programmes/components/ProgrammesPage';
import { TourPage } from '../modules/tours/components/TourPage';
import { ToursPage } from '../modules/tours/components/ToursPage';
import { CoursePage } from '../modules/training/components/CoursePage';
import { SessionPage } from '../modules/training/components/SessionPage';
import { TrainingsPage } from '../modules/training/components/TrainingsPage';
import { ImportPage } from '../modules/imports/components/ImportPage';
import { MeetingPage } from '../modules/meetings/components/MeetingPage';
import { CircularPage } from '../modules/directives/components/CircularPage';
import { DirectivePage } from '../modules/directives/components/DirectivePage';
import { MeetingDirectivesPanel } from '../modules/directives/components/MeetingDirectivesPanel';
import { MyAssignmentsPage } from '../modules/directives/components/MyAssignmentsPage';
import { DrivePage } from '../modules/membership/components/DrivePage';
import { DrivesPage } from '../modules/membership/components/DrivesPage';
import { JoinPage } from '../modules/membership/components/JoinPage';
import { ApplyPage } from '../modules/elections/components/ApplyPage';
import { SmsOutboxPage } from '../modules/membership/components/SmsOutboxPage';
import { PeoplePage } from '../modules/people/components/PeoplePage';
import { PersonPage } from '../modules/people/components/PersonPage';
import { PostTemplatesPage } from '../modules/posts/components/PostTemplatesPage';
import { HomeRedirect } from '../modules/units/components/HomeRedirect';
import { UnitPage } from '../modules/units/components/UnitPage';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';

export const createRouter = () =>
  createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    // Public: a person joins a drive with their phone and an SMS code, no account and no sign-in.
    { path: '/join/:driveId', element: <JoinPage /> },
    // Public: a person applies for a seat of an election with their phone and an SMS code.
    { path: '/apply/:electionId', element: <ApplyPage /> },
    {
      element: <RequireAuth />,
      children: [
        {
          element: <AppLayout />,
          children: [
            { index: true, element: <HomeRedirect /> },
            { path: 'units', element: <Navigate to="/" replace /> },
            { path: 'units/:id', element: <UnitPage /> },
            { path: 'units/:id/import', element: <ImportPage /> },
            { path: 'people', element: <PeoplePage /> },
            { path: 'people/:id', element: <PersonPage /> },
            { path: 'post-templates', element: <PostTemplatesPage /> },
            { path: 'drives', element: <DrivesPage /> },
            { path: 'drives/:id', element: <DrivePage /> },
            { path: 'trainings', element: <TrainingsPage /> },
            { path: 'trainings/:id', element: <CoursePage /> },
            { path: 'training-sessions/:id', element: <SessionPage /> },
            { path: 'tours', element: <ToursPage /> },
            { path: 'tours/:id', element: <TourPage /> },
            { path: 'programmes', element: <ProgrammesPage /> },
            { path: 'programmes/:id', element: <ProgrammePage /> },
            { path: 'programme-instances/:id', element: <InstancePage /> },
            { path: 'meetings/:id', element: <MeetingPage directivesSlot={<MeetingDirectivesPanel />} /> },
            { path: 'directives/:id', element: <DirectivePage /> },
            { path: 'circulars/:id', element: <CircularPage /> },
            { path: 'my-assignments', element: <MyAssignmentsPage /> },
            { path: 'sms-outbox', element: <SmsOutboxPage /> },
            { path: 'elections', element: <ElectionsPage /> },
            { path: 'elections/:id', element: <ElectionPage /> },
            { path: 'seats/:id', element: <SeatPage /> },
            { path: 'geo', element: <GeoStatesPage /> },
            { path: 'geo/:state', element: <GeoStatePage /> },
            { path: 'geo/:state/pc/:number', element: <GeoPcPage /> },
            { path: 'geo/:state/ac/:number', element: <GeoAcRedirect /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
